package dev.onlineddl.adapter.mysql.ddl;

import dev.onlineddl.adapter.mysql.sql.SqlLexer;
import dev.onlineddl.adapter.mysql.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;

/**
 * A column definition reduced to what the INSTANT analysis compares (Vitess
 * {@code analyzeInstantDDL}): its type without ENUM/SET values, those values, and its other
 * attributes without DEFAULT and without the FIRST/AFTER position. Comparisons are token by
 * token, keywords case-insensitive, like Vitess's canonical form.
 *
 * @param name            the column name, unquoted
 * @param type            type tokens without ENUM/SET values, e.g. {@code [INT, (, 11, ), UNSIGNED]}
 * @param enumValues      ENUM/SET values as written (quoted), empty for other types
 * @param attributes      attribute tokens without DEFAULT and position
 * @param virtualGenerated a generated column that is not STORED/PERSISTENT
 * @param positioned      FIRST or AFTER was given
 */
record ColumnShape(String name, List<String> type, List<String> enumValues, List<String> attributes,
        boolean virtualGenerated, boolean positioned) {

    static ColumnShape of(ColumnDefinition column) {
        ColDataType dataType = column.getColDataType();
        String typeName = dataType.getDataType().toUpperCase(Locale.ROOT);
        boolean enumOrSet = typeName.equals("ENUM") || typeName.equals("SET");
        List<String> values = enumOrSet && dataType.getArgumentsStringList() != null
                ? List.copyOf(dataType.getArgumentsStringList()) : List.of();
        List<String> typeTokens;
        if (enumOrSet) {
            List<String> arguments = dataType.getArgumentsStringList();
            dataType.setArgumentsStringList(null);
            try {
                typeTokens = comparable(dataType.toString());
            } finally {
                dataType.setArgumentsStringList(arguments);
            }
        } else {
            typeTokens = comparable(dataType.toString());
        }

        List<String> specs = column.getColumnSpecs() == null ? List.of() : column.getColumnSpecs();
        List<String> kept = new ArrayList<>();
        boolean positioned = false;
        boolean generated = false;
        boolean stored = false;
        for (int i = 0; i < specs.size(); i++) {
            String spec = specs.get(i).toUpperCase(Locale.ROOT);
            switch (spec) {
                case "DEFAULT" -> i++;
                case "AFTER" -> {
                    positioned = true;
                    i++;
                }
                case "FIRST" -> positioned = true;
                default -> {
                    generated |= spec.equals("AS");
                    stored |= spec.equals("STORED") || spec.equals("PERSISTENT");
                    kept.add(specs.get(i));
                }
            }
        }
        return new ColumnShape(unquote(column.getColumnName()), typeTokens, values,
                comparable(String.join(" ", kept)), generated && !stored, positioned);
    }

    boolean isEnum() {
        return type.size() >= 1 && type.get(0).equals("ENUM");
    }

    boolean isSet() {
        return type.size() >= 1 && type.get(0).equals("SET");
    }

    /** Equal apart from DEFAULT (and position). */
    boolean sameIgnoringDefault(ColumnShape other) {
        return type.equals(other.type) && enumValues.equals(other.enumValues) && attributes.equals(other.attributes);
    }

    /** Equal apart from DEFAULT, position and ENUM/SET values. */
    boolean sameIgnoringDefaultAndValues(ColumnShape other) {
        return type.equals(other.type) && attributes.equals(other.attributes);
    }

    static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("`") && name.endsWith("`")
                ? name.substring(1, name.length() - 1).replace("``", "`") : name;
    }

    private static List<String> comparable(String text) {
        return SqlLexer.significantTokens(text).stream()
                .map(token -> token.type() == SqlToken.Type.WORD ? token.upper()
                        : token.type() == SqlToken.Type.QUOTED_IDENTIFIER ? token.identifierValue() : token.text())
                .toList();
    }
}
