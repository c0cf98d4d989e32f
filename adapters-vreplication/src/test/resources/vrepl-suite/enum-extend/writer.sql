UPDATE onlineddl_test SET color = ELT(:n % 3 + 1, 'red', 'green', 'blue') WHERE id = :id
DELETE FROM onlineddl_test WHERE id = :id
INSERT IGNORE INTO onlineddl_test VALUES (:id, 'blue', 'l')
