UPDATE onlineddl_test SET n = :n WHERE name = CONCAT('k-', :id)
DELETE FROM onlineddl_test WHERE name = CONCAT('k-', :id)
INSERT IGNORE INTO onlineddl_test VALUES (CONCAT('k-', :id), :n)
UPDATE IGNORE onlineddl_test SET name = CONCAT('m-', :id) WHERE name = CONCAT('k-', :id)
