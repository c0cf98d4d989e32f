CREATE TABLE onlineddl_test (
  id INT NOT NULL,
  v INT NULL,
  KEY id_idx (id)
);
INSERT INTO onlineddl_test SELECT seq, seq FROM seq_1_to_1000;
