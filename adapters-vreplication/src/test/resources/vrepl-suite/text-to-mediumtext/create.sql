CREATE TABLE onlineddl_test (
  id INT NOT NULL PRIMARY KEY,
  body TEXT NOT NULL,
  data BLOB NULL
);
INSERT INTO onlineddl_test SELECT seq, REPEAT(CONCAT('line ', seq, ' '), seq % 20 + 1), UNHEX(HEX(seq)) FROM seq_1_to_1000;
