UPDATE onlineddl_test SET v = CONCAT('u', :n) WHERE uid = :id
DELETE FROM onlineddl_test WHERE uid = :id
INSERT IGNORE INTO onlineddl_test (uid, v) VALUES (:id, CONCAT('i', :n))
