CREATE TABLE onlineddl_test (
  uid INT NOT NULL,
  v VARCHAR(20) NOT NULL,
  UNIQUE KEY uid_uk (uid)
);
INSERT INTO onlineddl_test SELECT seq, CONCAT('v', seq) FROM seq_1_to_1000;
