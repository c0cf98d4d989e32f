CREATE TABLE onlineddl_test (
  id INT NOT NULL PRIMARY KEY,
  price DECIMAL(10,2) NOT NULL,
  rate DECIMAL(5,4) NULL
);
INSERT INTO onlineddl_test SELECT seq, seq * 1.25, IF(seq % 5 = 0, NULL, seq / 10000) FROM seq_1_to_1000;
