package com.certportal.validation;

import com.certportal.order.DcvMethod;
import com.certportal.validation.dcv.ApproverEmails;
import com.certportal.validation.dcv.DnsTxtCheck;
import com.certportal.validation.dcv.HttpFileCheck;
import java.time.Instant;
import java.util.List;

/**
 * V4: where an order stands in validation, name by name, and for its organization: what the order
 * page shows, and what decides that the order is issued (complete, judged at one instant, V3).
 */
public record OrderValidationState(List<NameState> names, OrganizationState organization) {

    public enum Progress {
        /** Validated for this order, or reused from an earlier one of the account (V3). */
        VALIDATED,
        PENDING,
        /** The link or random value expired before it was used. */
        EXPIRED,
        /** Not required for this product. */
        NOT_NEEDED,
        /** Organization validation was rejected by the CA's agents. */
        REJECTED
    }

    /** One name of the order and the validation that covers it (or waits for it). */
    public record NameState(String name, Progress progress, DomainValidation validation, boolean reused) {

        public DcvMethod method() {
            return validation == null ? null : validation.getMethod();
        }

        /** V4 for the file method: where the token goes. */
        public String fileUrl() {
            return HttpFileCheck.url(name);
        }

        /** V4 for the DNS method: the record that holds the token. */
        public String recordName() {
            return DnsTxtCheck.recordName(name);
        }

        /** V4 for the email method: the addresses the link was sent to. */
        public List<String> approverEmails() {
            return ApproverEmails.forName(validation == null ? name : validation.getName());
        }

        /** The random value the requester places (file and DNS only; an email link stays secret). */
        public String token() {
            return validation != null && validation.getMethod() != DcvMethod.EMAIL ? validation.getToken() : null;
        }

        public boolean checkable() {
            return progress == Progress.PENDING && validation != null && validation.isCheckable();
        }

        public String progressKey() {
            return "validation.progress." + progressName();
        }

        /** The progress as a lower-case word, for styles and test hooks. */
        public String progressName() {
            return progress.name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean validated() {
            return progress == Progress.VALIDATED;
        }

        public boolean expired() {
            return progress == Progress.EXPIRED;
        }

        /** The last file or DNS check that did not pass, for the page to say why. */
        public boolean showsLastFailedCheck() {
            return !validated() && validation != null && validation.getLastOutcome() != null;
        }
    }

    /** V2: the organization behind the account, when the product needs it validated. */
    public record OrganizationState(Progress progress, OrganizationValidation validation) {

        public String progressKey() {
            return "validation.progress." + progressName();
        }

        public String progressName() {
            return progress.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** V2: the agents' note, shown to the customer when they rejected the organization. */
        public String rejectionNote() {
            return progress == Progress.REJECTED && validation != null ? validation.getNote() : null;
        }

        public boolean needed() {
            return progress != Progress.NOT_NEEDED;
        }
    }

    /** I: everything the order needs is validated: it is issued at once. */
    public boolean complete() {
        return names.stream().allMatch(n -> n.progress() == Progress.VALIDATED)
                && (organization.progress() == Progress.VALIDATED || organization.progress() == Progress.NOT_NEEDED);
    }

    /** Whether the order page shows a validation section at all. */
    public boolean anythingToShow() {
        return !names.isEmpty() || organization.needed();
    }

    public boolean anyCheckable() {
        return names.stream().anyMatch(NameState::checkable);
    }

    static OrderValidationState judge(
            List<String> orderNames,
            boolean validatesDomains,
            boolean validatesOrganization,
            Long orderId,
            List<DomainValidation> accountValidations,
            List<OrganizationValidation> organizationValidations,
            Instant at) {
        List<NameState> names = validatesDomains
                ? orderNames.stream()
                        .map(ApproverEmails::baseDomain)
                        .distinct()
                        .map(name -> nameState(name, orderId, accountValidations, at))
                        .toList()
                : List.of();
        return new OrderValidationState(names, organizationState(validatesOrganization, organizationValidations, at));
    }

    private static NameState nameState(String name, Long orderId, List<DomainValidation> validations, Instant at) {
        List<DomainValidation> covering =
                validations.stream().filter(v -> v.covers(name)).toList();
        for (DomainValidation v : covering) {
            if (v.backsIssuanceAt(at)) {
                return new NameState(
                        name, Progress.VALIDATED, v, !v.getOrder().getId().equals(orderId));
            }
        }
        return covering.stream()
                .filter(v -> v.getOrder().getId().equals(orderId) && v.isPending())
                .reduce((first, second) -> second)
                .map(v -> new NameState(name, v.tokenExpiredAt(at) ? Progress.EXPIRED : Progress.PENDING, v, false))
                .orElse(new NameState(name, Progress.PENDING, null, false));
    }

    private static OrganizationState organizationState(
            boolean needed, List<OrganizationValidation> newestFirst, Instant at) {
        if (!needed) {
            return new OrganizationState(Progress.NOT_NEEDED, null);
        }
        for (OrganizationValidation v : newestFirst) {
            if (v.backsIssuanceAt(at)) {
                return new OrganizationState(Progress.VALIDATED, v);
            }
        }
        return newestFirst.stream()
                .filter(v -> v.getStatus() != OrganizationValidation.Status.APPROVED)
                .findFirst()
                .map(v -> new OrganizationState(v.isPending() ? Progress.PENDING : Progress.REJECTED, v))
                .orElse(new OrganizationState(Progress.PENDING, null));
    }
}
