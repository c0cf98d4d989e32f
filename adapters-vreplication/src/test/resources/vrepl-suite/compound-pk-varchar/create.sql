CREATE TABLE onlineddl_test (
  code VARCHAR(16) NOT NULL,
  seq INT NOT NULL,
  v INT NOT NULL,
  PRIMARY KEY (code, seq)
) DEFAULT CHARSET=utf8mb4;
INSERT INTO onlineddl_test SELECT CONCAT('c', seq % 50), seq, seq FROM seq_1_to_1000;
