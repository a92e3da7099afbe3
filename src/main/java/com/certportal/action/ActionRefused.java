package com.certportal.action;

import java.util.List;
import java.util.Optional;

/**
 * A move the rules do not allow, a missing right or bad input. It names the current state and the
 * move refused, and carries the message key the user is shown (and, for bad input, the form field it
 * is about); it is never shown as raw text.
 */
public class ActionRefused extends RuntimeException {

    /** How the web answers: a refused move (409), missing rights (403) or bad input (400). */
    public enum Kind {
        CONFLICT,
        FORBIDDEN,
        INVALID
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] messageArguments;
    private final String field;
    private final transient List<FieldProblem> problems;

    /** One thing wrong with one field of a form, as a message key and its arguments. */
    public record FieldProblem(String field, String messageKey, List<Object> arguments) {
        public FieldProblem {
            arguments = List.copyOf(arguments);
        }
    }

    public ActionRefused(String messageKey, String detail, Object... messageArguments) {
        this(Kind.CONFLICT, messageKey, detail, messageArguments);
    }

    public ActionRefused(Kind kind, String messageKey, String detail, Object... messageArguments) {
        this(kind, null, messageKey, detail, messageArguments);
    }

    private ActionRefused(Kind kind, String field, String messageKey, String detail, Object... messageArguments) {
        super(detail);
        this.kind = kind;
        this.field = field;
        this.messageKey = messageKey;
        this.messageArguments = messageArguments;
        this.problems =
                field == null ? List.of() : List.of(new FieldProblem(field, messageKey, List.of(messageArguments)));
    }

    private ActionRefused(List<FieldProblem> problems) {
        super("invalid fields: "
                + problems.stream().map(p -> p.field() + " " + p.messageKey()).toList());
        FieldProblem first = problems.get(0);
        this.kind = Kind.INVALID;
        this.field = first.field();
        this.messageKey = first.messageKey();
        this.messageArguments = first.arguments().toArray();
        this.problems = List.copyOf(problems);
    }

    /** Bad input in one field of a form: the form is shown again with the message beside that field. */
    public static ActionRefused invalidField(String field, String messageKey, Object... messageArguments) {
        return new ActionRefused(Kind.INVALID, field, messageKey, field + ": " + messageKey, messageArguments);
    }

    /** Bad input in several fields at once, so the member can mend them all in one go. */
    public static ActionRefused invalidFields(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem to refuse");
        }
        return new ActionRefused(problems);
    }

    /** Every field problem (empty for a refusal that is not about form fields). */
    public List<FieldProblem> problems() {
        return problems;
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArguments() {
        return messageArguments.clone();
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
