UPDATE onlineddl_test SET v = CONCAT('u', :n) WHERE a = :id % 37 AND b = :id
DELETE FROM onlineddl_test WHERE a = :id % 37 AND b = :id
INSERT IGNORE INTO onlineddl_test (a, b, v) VALUES (:id % 37, :id, CONCAT('i', :n))
UPDATE IGNORE onlineddl_test SET b = b + 2000 WHERE a = :id % 37 AND b = :id
