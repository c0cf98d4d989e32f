CREATE TABLE onlineddl_test (
  id INT NOT NULL PRIMARY KEY,
  color ENUM('red', 'green', 'blue') NOT NULL,
  size ENUM('s', 'm', 'l') NULL
);
INSERT INTO onlineddl_test SELECT seq, ELT(seq % 3 + 1, 'red', 'green', 'blue'), IF(seq % 4 = 0, NULL, ELT(seq % 3 + 1, 's', 'm', 'l')) FROM seq_1_to_1000;
