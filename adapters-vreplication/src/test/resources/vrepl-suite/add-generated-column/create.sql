CREATE TABLE onlineddl_test (
  id INT NOT NULL AUTO_INCREMENT,
  name VARCHAR(40) NOT NULL,
  n INT NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
);
INSERT INTO onlineddl_test (id, name, n) SELECT seq, CONCAT('name-', seq), seq * 3 FROM seq_1_to_1000;
