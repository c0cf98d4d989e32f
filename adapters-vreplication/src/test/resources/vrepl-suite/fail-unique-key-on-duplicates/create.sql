CREATE TABLE onlineddl_test (
  id INT NOT NULL PRIMARY KEY,
  v INT NOT NULL
);
INSERT INTO onlineddl_test SELECT seq, seq % 10 FROM seq_1_to_1000;
