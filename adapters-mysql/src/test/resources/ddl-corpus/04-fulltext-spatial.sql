-- case: create-table-fulltext-key
-- statement:
CREATE TABLE articles (
  id int NOT NULL PRIMARY KEY,
  title varchar(200) NOT NULL,
  body text NOT NULL,
  FULLTEXT KEY ft_title_body (title, body)
) ENGINE=InnoDB

-- case: create-table-spatial-key
-- statement:
CREATE TABLE places (
  id int NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL,
  location point NOT NULL,
  SPATIAL KEY sp_location (location)
)

-- case: create-table-spatial-and-fulltext
-- statement:
CREATE TABLE regions (
  id int NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL,
  area polygon NOT NULL,
  center point NOT NULL,
  description text,
  SPATIAL INDEX sp_area (area),
  SPATIAL INDEX sp_center (center),
  FULLTEXT INDEX ft_description (description)
)

-- case: alter-add-one-fulltext-index
-- setup:
CREATE TABLE articles (id int NOT NULL PRIMARY KEY, title varchar(200) NOT NULL, body text NOT NULL);
-- statement:
ALTER TABLE articles ADD FULLTEXT INDEX ft_title (title)

-- case: alter-add-two-fulltext-indexes
-- setup:
CREATE TABLE articles (id int NOT NULL PRIMARY KEY, title varchar(200) NOT NULL, body text NOT NULL);
-- statement:
ALTER TABLE articles ADD FULLTEXT INDEX ft_title (title), ADD FULLTEXT INDEX ft_body (body)

-- case: alter-add-column-and-three-fulltext-indexes
-- setup:
CREATE TABLE articles (id int NOT NULL PRIMARY KEY, title varchar(200) NOT NULL, body text NOT NULL);
-- statement:
ALTER TABLE articles
  ADD COLUMN summary varchar(500) NOT NULL DEFAULT '',
  ADD FULLTEXT KEY ft_summary (summary),
  ADD FULLTEXT KEY ft_title (title),
  ADD FULLTEXT KEY ft_body (body)

-- case: alter-add-spatial-index
-- setup:
CREATE TABLE places (id int NOT NULL PRIMARY KEY, name varchar(100) NOT NULL, location point NOT NULL);
-- statement:
ALTER TABLE places ADD SPATIAL INDEX sp_location (location)

-- case: alter-replace-fulltext-index
-- setup:
CREATE TABLE articles (id int NOT NULL PRIMARY KEY, title varchar(200) NOT NULL, body text NOT NULL,
  FULLTEXT KEY ft_title_body (title, body));
-- statement:
ALTER TABLE articles DROP INDEX ft_title_body, ADD FULLTEXT INDEX ft_title_body (title)

-- case: alter-add-fulltext-with-user-algorithm
-- setup:
CREATE TABLE articles (id int NOT NULL PRIMARY KEY, title varchar(200) NOT NULL, body text NOT NULL);
-- statement:
ALTER TABLE articles ADD FULLTEXT INDEX ft_title (title), ALGORITHM=INPLACE
