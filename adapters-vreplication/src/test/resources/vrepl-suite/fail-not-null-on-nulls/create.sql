CREATE TABLE onlineddl_test (
  id INT NOT NULL PRIMARY KEY,
  v INT NULL
);
INSERT INTO onlineddl_test SELECT seq, IF(seq % 10 = 0, NULL, seq) FROM seq_1_to_1000;
