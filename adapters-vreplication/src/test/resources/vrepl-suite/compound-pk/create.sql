CREATE TABLE onlineddl_test (
  a INT NOT NULL,
  b INT NOT NULL,
  v VARCHAR(30) NOT NULL,
  PRIMARY KEY (a, b)
);
INSERT INTO onlineddl_test SELECT seq % 37, seq, CONCAT('v', seq) FROM seq_1_to_1000;
