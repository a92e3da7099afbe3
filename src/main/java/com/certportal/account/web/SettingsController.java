package com.certportal.account.web;

import com.certportal.account.AccountSettings;
import com.certportal.account.CurrentMember;
import com.certportal.account.MemberSettings;
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

    static final List<String> MAIL_LANGUAGES = List.of("ja", "en");

    static final List<String> TIME_ZONES = List.of(
            "Asia/Tokyo",
            "Asia/Seoul",
            "Asia/Shanghai",
            "Asia/Singapore",
            "Asia/Kolkata",
            "Australia/Sydney",
            "Europe/London",
            "Europe/Berlin",
            "America/New_York",
            "America/Chicago",
            "America/Los_Angeles",
            "UTC");

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

    private void fill(CurrentMember member, Model model) {
        if (member.role().managesAccount()) {
            model.addAttribute("account", accountSettings.of(member));
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
