#set( $M = "${moduleId.toUpperCase()}" )
-- ${moduleName}: its items. Tables carry the module's prefix ${M}_. Migrations are append-only: change the
-- schema with a new V2__….sql, never by editing one that has shipped.
CREATE TABLE ${M}_ITEM (
  ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ORG_ID BIGINT NOT NULL,
  TITLE VARCHAR(200) NOT NULL,
  NOTE VARCHAR(1000),
  CREATED_AT TIMESTAMP NOT NULL,
  CREATED_BY VARCHAR(100) NOT NULL,
  CONSTRAINT ${M}_ITEM_TITLE UNIQUE (ORG_ID, TITLE)
);
