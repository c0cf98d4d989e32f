UPDATE onlineddl_test SET body = CONCAT(body, ' more ', :n), data = UNHEX(HEX(:n)) WHERE id = :id
DELETE FROM onlineddl_test WHERE id = :id
INSERT IGNORE INTO onlineddl_test VALUES (:id, CONCAT('new ', :n), NULL)
