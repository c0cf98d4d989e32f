UPDATE onlineddl_test SET name = CONCAT('d', CHAR(233 USING latin1), 'j', CHAR(224 USING latin1), :n) WHERE id = :id
DELETE FROM onlineddl_test WHERE id = :id
INSERT IGNORE INTO onlineddl_test VALUES (:id, CONCAT('n', :n), 'plain')
