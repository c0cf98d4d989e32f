UPDATE onlineddl_test SET price = :n / 100, rate = NULL WHERE id = :id
DELETE FROM onlineddl_test WHERE id = :id
INSERT IGNORE INTO onlineddl_test VALUES (:id, :n / 7, 0.1234)
