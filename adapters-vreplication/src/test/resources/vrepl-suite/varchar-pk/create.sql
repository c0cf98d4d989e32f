CREATE TABLE onlineddl_test (
  name VARCHAR(40) NOT NULL PRIMARY KEY,
  n INT NOT NULL
) DEFAULT CHARSET=utf8mb4;
INSERT INTO onlineddl_test SELECT CONCAT('k-', seq), seq FROM seq_1_to_1000;
