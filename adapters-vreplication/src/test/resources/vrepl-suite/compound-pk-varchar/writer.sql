UPDATE onlineddl_test SET v = :n WHERE code = CONCAT('c', :id % 50) AND seq = :id
DELETE FROM onlineddl_test WHERE code = CONCAT('c', :id % 50) AND seq = :id
INSERT IGNORE INTO onlineddl_test VALUES (CONCAT('c', :id % 50), :id, :n)
UPDATE IGNORE onlineddl_test SET code = CONCAT('x', code) WHERE code = CONCAT('c', :id % 50) AND seq = :id
