/**
 * The declarative schema differ: reads two server-normalised {@code SHOW CREATE} texts into a
 * table (or view) model of its own and computes the one ALTER TABLE (or CREATE OR REPLACE VIEW)
 * that turns the live object into the desired one.
 *
 * <p>Why not JSQLParser's {@code CreateTable} here: the differ must hand the server back exactly
 * what the server printed, and JSQLParser 5.4 re-prints (spacing, keyword case in CHECK
 * expressions), silently drops MariaDB's executable comments ({@code /*M!100301 COMPRESSED*}{@code /}
 * disappears, so a COMPRESSED change would go unnoticed) and rejects valid server output such as
 * {@code WITH SYSTEM VERSIONING}. {@code SHOW CREATE TABLE} output has a small, regular grammar
 * (one element per line, identifiers always quoted), so a dedicated reader over a lexer keeps
 * every element's text verbatim and fails loudly on anything it does not know.
 */
package dev.onlineddl.adapter.mysql.diff;
