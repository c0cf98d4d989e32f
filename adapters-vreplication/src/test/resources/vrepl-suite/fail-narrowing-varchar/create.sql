CREATE TABLE onlineddl_test (
  id INT NOT NULL PRIMARY KEY,
  v VARCHAR(40) NOT NULL
);
INSERT INTO onlineddl_test SELECT seq, CONCAT('a-long-value-', seq) FROM seq_1_to_1000;
