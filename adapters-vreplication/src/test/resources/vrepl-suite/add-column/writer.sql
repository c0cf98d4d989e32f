UPDATE onlineddl_test SET name = CONCAT('u-', :n), n = :n WHERE id = :id
DELETE FROM onlineddl_test WHERE id = :id
INSERT IGNORE INTO onlineddl_test (id, name, n) VALUES (:id, CONCAT('i-', :n), :n)
