package com.certportal.mail.web;

import com.certportal.account.CurrentMember;
import com.certportal.mail.OutboxMailRepository;
import com.certportal.mail.OutboxSender;
import org.springframework.data.domain.Limit;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * T2: the outbox as members may read it (an administrator or finance manager the account's, a user
 * its own orders'): what was sent, and what waits for a mail server.
 */
@Controller
class SentMailController {

    private final OutboxMailRepository mails;
    private final OutboxSender sender;

    SentMailController(OutboxMailRepository mails, OutboxSender sender) {
        this.mails = mails;
        this.sender = sender;
    }

    @GetMapping("/mail")
    String list(@AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute(
                "mails",
                member.role().readsAccountMail()
                        ? mails.findByAccountIdOrderByIdDesc(member.accountId(), Limit.of(200))
                        : mails.findAboutOrdersOf(member.accountId(), member.memberId(), Limit.of(200)));
        model.addAttribute("deliveryConfigured", sender.deliveryConfigured());
        return "mail/sent";
    }
}
