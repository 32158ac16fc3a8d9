package io.mandate.refhost.jira;

import com.atlassian.jira.JiraDataTypes;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.jql.operand.QueryLiteral;
import com.atlassian.jira.jql.query.QueryCreationContext;
import com.atlassian.jira.plugin.jql.function.JqlFunction;
import com.atlassian.jira.plugin.jql.function.JqlFunctionModuleDescriptor;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.query.clause.TerminalClause;
import com.atlassian.query.operand.FunctionOperand;
import com.atlassian.query.operand.Operand;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.plugin.PluginDescriptor;
import io.mandate.refhost.world.HostIssue;
import io.mandate.refhost.world.HostProject;
import io.mandate.refhost.world.World;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JQL the host's {@code /rest/api/2/search} understands: clauses joined by AND, each one of
 * {@code project = KEY}, {@code issue [not] in fname(args)} (answered by the plugin's
 * {@code jql-function} modules, validated first as Jira does), {@code key [not] in (KEY-1, KEY-2)} (every key an
 * issue the searcher sees, as Jira checks), {@code "Custom field" = value},
 * {@code "Custom field" != value}, {@code "Custom field" is [not] EMPTY} (for custom fields whose type a
 * searcher serves); then an optional {@code ORDER BY key [ASC|DESC]}. Results are the issues the
 * searcher may browse, ordered by project and issue number. Anything else is a 400 that says so.
 */
public final class JqlSupport {

    /** A query Jira would refuse: the messages go into {@code errorMessages} of a 400. */
    public static final class JqlException extends RuntimeException {
        private final List<String> messages;

        JqlException(List<String> messages) {
            super(String.join(" ", messages));
            this.messages = List.copyOf(messages);
        }

        JqlException(String message) {
            this(List.of(message));
        }

        public List<String> messages() {
            return messages;
        }
    }

    private record Function(PluginDescriptor.JqlFunction module, JqlFunction function) { }

    /** A clause as the plugin's functions see it. */
    private record Clause(String name, String operator, Operand operand, List<String> values) implements TerminalClause {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Operand getOperand() {
            return operand;
        }
    }

    private final ProductNode node;
    private final CustomFields customFields;
    private final Map<String, Function> functions = new LinkedHashMap<>();

    /** Creates the plugin's JQL functions and initialises each with its module, as Jira does when it enables them. */
    public JqlSupport(ProductNode node, CustomFields customFields) {
        this.node = node;
        this.customFields = customFields;
        for (PluginDescriptor.JqlFunction module : node.plugin().descriptor().jqlFunctions()) {
            JqlFunction function = node.plugin().moduleObject(module.className(), JqlFunction.class);
            function.init(new JqlFunctionModuleDescriptor() {
                @Override
                public String getFunctionName() {
                    return module.fname();
                }

                @Override
                public boolean isList() {
                    return module.list();
                }
            });
            functions.put(module.fname().toLowerCase(Locale.ROOT), new Function(module, function));
        }
    }

    /** The issues matching the query that the user may browse, ordered by project key and issue number. */
    public List<HostIssue> search(String jql, String username) {
        Parsed query = new Parser(jql).query();
        ApplicationUser user = node.jira().userManager().getUserByName(username);
        World world = node.world();
        List<String> errors = new ArrayList<>();
        for (Clause clause : query.clauses()) {
            validate(clause, user, username, errors);
        }
        if (!errors.isEmpty()) {
            throw new JqlException(errors);
        }
        List<HostIssue> result = new ArrayList<>();
        for (HostProject project : world.projects()) {
            if (world.hasProjectPermission(username, project.key(), World.BROWSE_PROJECTS)) {
                // issue security on top of the project's Browse permission, as Jira's search applies it
                world.issuesOfProject(project.key()).stream().filter(i -> world.canBrowseIssue(username, i)).forEach(result::add);
            }
        }
        for (Clause clause : query.clauses()) {
            result = filter(clause, user, result);
        }
        Comparator<HostIssue> order = Comparator.comparing(HostIssue::projectKey).thenComparingLong(HostIssue::number);
        result.sort(query.descending() ? order.reversed() : order);
        return result;
    }

    private void validate(Clause clause, ApplicationUser user, String username, List<String> errors) {
        String field = clause.name().toLowerCase(Locale.ROOT);
        if (field.equals("project")) {
            if (!clause.operator().equals("=") || clause.values().size() != 1) {
                errors.add("The reference host understands the project field only as: project = KEY");
            } else {
                String key = clause.values().get(0).toUpperCase(Locale.ROOT);
                if (node.world().project(key).isEmpty() || !node.world().hasProjectPermission(username, key, World.BROWSE_PROJECTS)) {
                    errors.add("The value '" + clause.values().get(0) + "' does not exist for the field 'project'.");
                }
            }
        } else if (isIssueField(field) && clause.operand() == null && clause.operator().endsWith("in")) {
            // key in (DEMO-1, DEMO-2): every key must name an issue the searcher sees, as Jira says otherwise
            for (String key : clause.values()) {
                if (node.world().issue(key).filter(i -> node.world().canBrowseIssue(username, i)).isEmpty()) {
                    errors.add("An issue with key '" + key + "' does not exist for field '" + clause.name() + "'.");
                }
            }
        } else if (isIssueField(field)) {
            if (!(clause.operand() instanceof FunctionOperand operand) || !clause.operator().endsWith("in")) {
                errors.add("The reference host understands the issue field only as: issue in fname(args) or issue not in fname(args)");
                return;
            }
            Function f = functions.get(operand.getName().toLowerCase(Locale.ROOT));
            if (f == null) {
                errors.add("Unable to find JQL function '" + operand.getDisplayString() + "'.");
            } else if (!f.function().isList()) {
                errors.add("Operator '" + clause.operator() + "' does not support the non-list value '"
                        + operand.getDisplayString() + "' for field '" + clause.name() + "'.");
            } else if (!f.function().getDataType().matches(JiraDataTypes.ISSUE)) {
                errors.add("A value provided by the function '" + operand.getName() + "' is invalid for the field '" + clause.name() + "'.");
            } else {
                MessageSet messages = f.function().validate(user, operand, clause);
                errors.addAll(messages.getErrorMessages());
            }
        } else {
            var customField = customFields.byClauseName(clause.name());
            if (customField.isEmpty()) {
                errors.add("Field '" + clause.name() + "' does not exist or you do not have permission to view it."
                        + " (The reference host searches project, issue with JQL functions, and custom fields.)");
            } else if (customField.get().searcher() == null) {
                errors.add("Field '" + clause.name() + "' is not searchable: no customfield-searcher serves its type.");
            } else if (clause.operator().startsWith("is")) {
                if (clause.values().size() != 1 || !clause.values().get(0).equalsIgnoreCase("EMPTY")) {
                    errors.add("The reference host understands 'is' only with EMPTY.");
                }
            } else if (!clause.operator().equals("=") && !clause.operator().equals("!=") || clause.values().size() != 1) {
                errors.add("The reference host searches custom fields only with =, !=, is EMPTY and is not EMPTY.");
            } else {
                try {
                    if (customFields.parse(customField.get(), clause.values().get(0)) == null) {
                        errors.add("The value '" + clause.values().get(0) + "' does not exist for the field '" + clause.name() + "'.");
                    }
                } catch (RuntimeException e) {
                    errors.add("The value '" + clause.values().get(0) + "' does not exist for the field '" + clause.name() + "'.");
                }
            }
        }
    }

    private List<HostIssue> filter(Clause clause, ApplicationUser user, List<HostIssue> issues) {
        String field = clause.name().toLowerCase(Locale.ROOT);
        if (field.equals("project")) {
            String key = clause.values().get(0).toUpperCase(Locale.ROOT);
            return issues.stream().filter(i -> i.projectKey().equals(key)).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
        if (isIssueField(field) && clause.operand() == null) {
            Set<Long> ids = new HashSet<>();
            clause.values().forEach(key -> node.world().issue(key).ifPresent(i -> ids.add(i.id())));
            boolean in = clause.operator().equals("in");
            return issues.stream().filter(i -> ids.contains(i.id()) == in)
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
        if (isIssueField(field)) {
            FunctionOperand operand = (FunctionOperand) clause.operand();
            Function f = functions.get(operand.getName().toLowerCase(Locale.ROOT));
            Set<Long> ids = new HashSet<>();
            for (QueryLiteral literal : f.function().getValues(context(user), operand, clause)) {
                if (literal.getLongValue() != null) {
                    ids.add(literal.getLongValue());
                } else if (literal.getStringValue() != null) {
                    node.world().issue(literal.getStringValue()).ifPresent(i -> ids.add(i.id()));
                }
            }
            boolean in = clause.operator().equals("in");
            return issues.stream().filter(i -> ids.contains(i.id()) == in)
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
        CustomFields.Field customField = customFields.byClauseName(clause.name()).orElseThrow();
        List<HostIssue> kept = new ArrayList<>();
        for (HostIssue hostIssue : issues) {
            Issue issue = node.jira().issueManager().getIssueObject(hostIssue.id());
            String text = customFields.text(customField, customFields.value(customField, issue));
            boolean keep = switch (clause.operator()) {
                case "is" -> text == null;
                case "is not" -> text != null;
                case "=" -> text != null && text.equalsIgnoreCase(clause.values().get(0));
                default -> text != null && !text.equalsIgnoreCase(clause.values().get(0)); // != never matches empty, as in Jira
            };
            if (keep) {
                kept.add(hostIssue);
            }
        }
        return kept;
    }

    private static boolean isIssueField(String field) {
        return field.equals("issue") || field.equals("issuekey") || field.equals("key") || field.equals("id");
    }

    private static QueryCreationContext context(ApplicationUser user) {
        return new QueryCreationContext() {
            @Override
            public ApplicationUser getApplicationUser() {
                return user;
            }

            @Override
            public Set<String> getDeterminedProjects() {
                return Set.of();
            }

            @Override
            public boolean isSecurityOverriden() {
                return false;
            }
        };
    }

    // ------------------------------------------------------------------ parsing

    private record Parsed(List<Clause> clauses, boolean descending) { }

    private enum Kind { WORD, STRING, LPAREN, RPAREN, COMMA, OPERATOR, END }

    private record Token(Kind kind, String text, int position) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }
    }

    /** A small recursive-descent reader of the JQL subset above; errors name the character, like Jira's. */
    private static final class Parser {
        private final List<Token> tokens = new ArrayList<>();
        private int next;

        Parser(String jql) {
            String s = jql == null ? "" : jql;
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')' || c == ',') {
                    tokens.add(new Token(c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : Kind.COMMA, String.valueOf(c), i));
                    i++;
                } else if (c == '=' || c == '!' || c == '~' || c == '<' || c == '>') {
                    int start = i++;
                    if (i < s.length() && s.charAt(i) == '=' || i < s.length() && c == '!' && s.charAt(i) == '~') {
                        i++;
                    }
                    tokens.add(new Token(Kind.OPERATOR, s.substring(start, i), start));
                } else if (c == '"' || c == '\'') {
                    int start = i++;
                    StringBuilder text = new StringBuilder();
                    while (i < s.length() && s.charAt(i) != c) {
                        if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                            i++;
                        }
                        text.append(s.charAt(i++));
                    }
                    if (i >= s.length()) {
                        throw error("The quoted string starting at character " + (start + 1) + " has not been completed.");
                    }
                    i++;
                    tokens.add(new Token(Kind.STRING, text.toString(), start));
                } else if (isWordChar(c)) {
                    int start = i;
                    while (i < s.length() && isWordChar(s.charAt(i))) {
                        i++;
                    }
                    tokens.add(new Token(Kind.WORD, s.substring(start, i), start));
                } else {
                    throw error("The character '" + c + "' at character " + (i + 1) + " is a reserved JQL character.");
                }
            }
            tokens.add(new Token(Kind.END, "", s.length()));
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '@' || c == '[' || c == ']';
        }

        Parsed query() {
            List<Clause> clauses = new ArrayList<>();
            if (peek().kind() != Kind.END && !peek().isWord("order")) {
                clauses.add(clause());
                while (peek().isWord("and")) {
                    next++;
                    clauses.add(clause());
                }
            }
            if (peek().isWord("or")) {
                throw error("The reference host understands only AND between clauses, not OR.");
            }
            boolean descending = false;
            if (peek().isWord("order")) {
                next++;
                expectWord("by");
                Token field = take();
                if (!(field.isWord("key") || field.isWord("issuekey") || field.isWord("issue"))) {
                    throw error("The reference host orders only by key, not by '" + field.text() + "'.");
                }
                if (peek().isWord("asc") || peek().isWord("desc")) {
                    descending = take().isWord("desc");
                }
            }
            if (peek().kind() != Kind.END) {
                throw unexpected(peek());
            }
            if (clauses.isEmpty()) {
                throw error("The reference host needs at least one clause, e.g. project = DEMO.");
            }
            return new Parsed(clauses, descending);
        }

        private Clause clause() {
            Token field = take();
            if (field.kind() != Kind.WORD && field.kind() != Kind.STRING) {
                throw unexpected(field);
            }
            String operator;
            Token t = take();
            if (t.kind() == Kind.OPERATOR) {
                operator = t.text();
                if (!operator.equals("=") && !operator.equals("!=")) {
                    throw error("The reference host does not support the operator '" + operator + "'.");
                }
            } else if (t.isWord("in")) {
                operator = "in";
            } else if (t.isWord("not")) {
                expectWord("in");
                operator = "not in";
            } else if (t.isWord("is")) {
                operator = "is";
                if (peek().isWord("not")) {
                    next++;
                    operator = "is not";
                }
            } else {
                throw unexpected(t);
            }
            if (operator.endsWith("in") && peek().kind() == Kind.LPAREN) {
                // a list of values: key in (DEMO-1, "DEMO-2")
                next++;
                List<String> values = new ArrayList<>();
                values.add(argument());
                while (peek().kind() == Kind.COMMA) {
                    next++;
                    values.add(argument());
                }
                expect(Kind.RPAREN);
                return new Clause(field.text(), operator, null, values);
            }
            Token value = take();
            if ((value.kind() == Kind.WORD || value.kind() == Kind.STRING) && peek().kind() == Kind.LPAREN) {
                next++;
                List<String> args = new ArrayList<>();
                if (peek().kind() != Kind.RPAREN) {
                    args.add(argument());
                    while (peek().kind() == Kind.COMMA) {
                        next++;
                        args.add(argument());
                    }
                }
                expect(Kind.RPAREN);
                return new Clause(field.text(), operator, new FunctionOperand(value.text(), args), List.of());
            }
            if (value.kind() == Kind.WORD || value.kind() == Kind.STRING) {
                return new Clause(field.text(), operator, null, List.of(value.text()));
            }
            throw error("Expecting either a value, list or function but got '" + value.text() + "' at character "
                    + (value.position() + 1) + ".");
        }

        private String argument() {
            Token t = take();
            if (t.kind() != Kind.WORD && t.kind() != Kind.STRING) {
                throw unexpected(t);
            }
            return t.text();
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token take() {
            Token t = tokens.get(next);
            if (t.kind() != Kind.END) {
                next++;
            }
            return t;
        }

        private void expect(Kind kind) {
            Token t = take();
            if (t.kind() != kind) {
                throw unexpected(t);
            }
        }

        private void expectWord(String word) {
            Token t = take();
            if (!t.isWord(word)) {
                throw unexpected(t);
            }
        }

        private static JqlException unexpected(Token t) {
            return t.kind() == Kind.END ? error("The query ended unexpectedly.")
                    : error("Unexpected '" + t.text() + "' at character " + (t.position() + 1) + ".");
        }

        private static JqlException error(String detail) {
            return new JqlException("Error in the JQL Query: " + Objects.requireNonNull(detail));
        }
    }
}
