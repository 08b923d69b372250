-- NFKC can expand one character into 18 (U+FDFA): 80 characters of name fold into at most 1440.
alter table rooms alter column name_key set data type varchar(4000);
