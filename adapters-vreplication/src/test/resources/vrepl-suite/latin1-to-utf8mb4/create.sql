CREATE TABLE onlineddl_test (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(40) CHARACTER SET latin1 NOT NULL,
  note TEXT CHARACTER SET latin1 NULL
) DEFAULT CHARSET=latin1;
INSERT INTO onlineddl_test SELECT seq, CONCAT('caf', CHAR(233 USING latin1), '-', seq), IF(seq % 3 = 0, NULL, CONCAT('na', CHAR(239 USING latin1), 've')) FROM seq_1_to_1000;
