/**
 * What a submitted DDL statement is, as the executor needs to know it: its kind and target, its
 * modifiers, the REVERT it asks for, the special execution plans an ALTER qualifies for, the
 * statements a shadow-table copy runs, and what an ALTER does to the columns a copy carries over.
 * Pure values and rules; parsing SQL text into them is the {@code DdlAnalyzer} port's job.
 */
package dev.onlineddl.domain.ddl;
