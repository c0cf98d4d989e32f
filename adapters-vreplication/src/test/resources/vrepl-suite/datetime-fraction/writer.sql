UPDATE onlineddl_test SET created = '2025-06-01 12:00:00' + INTERVAL :n SECOND, touched = NOW(3) WHERE id = :id
DELETE FROM onlineddl_test WHERE id = :id
INSERT IGNORE INTO onlineddl_test (id, created, day) VALUES (:id, NOW(), CURDATE())
