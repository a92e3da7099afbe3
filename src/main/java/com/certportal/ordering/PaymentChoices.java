package com.certportal.ordering;

import com.certportal.account.CurrentMember;
import com.certportal.token.HardwareToken;
import com.certportal.token.HardwareTokenRepository;
import com.certportal.unit.EnterpriseUnit;
import com.certportal.unit.EnterpriseUnitRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** O3: what the request form offers to pay with: the account's enterprise units and reusable tokens. */
@Service
public class PaymentChoices {

    private final EnterpriseUnitRepository units;
    private final HardwareTokenRepository tokens;

    PaymentChoices(EnterpriseUnitRepository units, HardwareTokenRepository tokens) {
        this.units = units;
        this.tokens = tokens;
    }

    public record Choices(List<EnterpriseUnit> units, List<HardwareToken> reusableTokens) {}

    @Transactional(readOnly = true)
    public Choices of(CurrentMember member) {
        return new Choices(
                units.findByAccountIdOrderByNameAsc(member.accountId()),
                tokens.findByAccountIdAndStatusOrderBySerialNumberAsc(
                        member.accountId(), HardwareToken.Status.REUSABLE));
    }
}
