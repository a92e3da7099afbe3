package com.certportal.account.web;

import com.certportal.account.Account;
import com.certportal.account.AccountSettings;
import com.certportal.account.ChooseReminderRecipients;
import com.certportal.account.CurrentMember;
import com.certportal.account.MemberSettings;
import com.certportal.account.ReminderRecipients;
import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A member chooses the time zone the portal shows times in (Asia/Tokyo unless changed). */
@Controller
class SettingsController {

    static final List<String> MAIL_LANGUAGES = MemberSettings.MAIL_LANGUAGES;

    static final List<String> TIME_ZONES = MemberSettings.TIME_ZONES;

    /** M4: the reminder part of the form as shown: the stored choice, or what was typed when it was refused. */
    record RemindersForm(boolean requester, boolean administrators, String addresses, String language, String zone) {

        static RemindersForm of(ReminderRecipients stored) {
            return new RemindersForm(
                    stored.requester(),
                    stored.administrators(),
                    String.join("\n", stored.addresses()),
                    stored.language().getLanguage(),
                    stored.zone().getId());
        }

        static RemindersForm typed(ChooseReminderRecipients typed) {
            return new RemindersForm(
                    FormInput.saysTrue(typed.remindRequester()),
                    FormInput.saysTrue(typed.remindAdministrators()),
                    typed.addresses(),
                    typed.language(),
                    typed.timeZone());
        }
    }

    private final MemberSettings settings;
    private final AccountSettings accountSettings;

    private final WebMessages messages;

    SettingsController(MemberSettings settings, AccountSettings accountSettings, WebMessages messages) {
        this.settings = settings;
        this.accountSettings = accountSettings;
        this.messages = messages;
    }

    @GetMapping("/settings")
    String show(@AuthenticationPrincipal CurrentMember member, Model model) {
        fill(member, model);
        return "settings";
    }

    /** M4, O4: administrators let their users' new orders through without approval, or not. */
    @PostMapping("/settings/account")
    String saveAccount(
            @RequestParam(name = "skipApprovalForNewOrders", required = false) String skip,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            accountSettings.chooseSkipApprovalForNewOrders(FormInput.flag(skip), member);
            redirect.addFlashAttribute("accountSaved", true);
            return "redirect:/settings";
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            fill(member, model);
            return "settings";
        }
    }

    /**
     * M4, K8: administrators choose who receives expiry reminders: the requester, the administrators,
     * other addresses (and their language and time zone).
     */
    @PostMapping("/settings/account/reminders")
    String saveReminders(
            @RequestParam(name = "remindRequester", required = false) String requester,
            @RequestParam(name = "remindAdministrators", required = false) String administrators,
            @RequestParam(name = "reminderAddresses", required = false) String addresses,
            @RequestParam(name = "reminderLanguage", required = false) String language,
            @RequestParam(name = "reminderTimeZone", required = false) String timeZone,
            @AuthenticationPrincipal CurrentMember member,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ChooseReminderRecipients command =
                new ChooseReminderRecipients(requester, administrators, addresses, language, timeZone);
        try {
            accountSettings.chooseReminderRecipients(command, member);
            redirect.addFlashAttribute("remindersSaved", true);
            return "redirect:/settings#reminders";
        } catch (ActionRefused refused) {
            messages.showRefusal(refused, model, response);
            model.addAttribute(
                    "reminderErrors",
                    refused.problems().stream()
                            .map(p ->
                                    messages.text(p.messageKey(), p.arguments().toArray()))
                            .toList());
            fill(member, model);
            if (model.containsAttribute("reminders")) {
                model.addAttribute("reminders", RemindersForm.typed(command));
            }
            return "settings";
        }
    }

    private void fill(CurrentMember member, Model model) {
        if (member.role().managesAccount()) {
            Account account = accountSettings.of(member);
            model.addAttribute("account", account);
            model.addAttribute("reminders", RemindersForm.of(account.reminderRecipients()));
            model.addAttribute("maxReminderAddresses", ReminderRecipients.MAX_ADDRESSES);
        }
        model.addAttribute("zones", TIME_ZONES);
        model.addAttribute("currentZone", member.zone().getId());
        model.addAttribute("languages", MAIL_LANGUAGES);
        model.addAttribute("currentLanguage", member.language());
    }

    @PostMapping("/settings")
    String save(
            @RequestParam(name = "timeZone", required = false) String timeZone,
            @RequestParam(name = "mailLanguage", required = false) String mailLanguage,
            @AuthenticationPrincipal CurrentMember member,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        boolean zoneKnown = timeZone != null && TIME_ZONES.contains(timeZone);
        // A form from before the language setting existed sends none: keep the member's language.
        String language = mailLanguage == null ? member.language() : mailLanguage;
        if (!zoneKnown || !MAIL_LANGUAGES.contains(language)) {
            fill(member, model);
            model.addAttribute("zoneError", !zoneKnown);
            model.addAttribute("languageError", !MAIL_LANGUAGES.contains(language));
            return "settings";
        }
        CurrentMember updated = settings.choose(member, ZoneId.of(timeZone), Locale.forLanguageTag(language));
        SecurityContext context = SecurityContextHolder.getContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings";
    }
}
