package com.certportal.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.certportal.support.Pages;
import com.certportal.support.PostgresIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 9, finding 9: list parameters as people type them are understood (L2, L4): a status in capitals
 * or full-width letters, a search in full-width characters (NFKC), a page size larger than the largest.
 */
class ListParametersAsTypedTest extends PostgresIntegrationTest {

    private static final String ADMIN = "admin@example.com";

    @ParameterizedTest(name = "status={0}")
    @ValueSource(strings = {"REVOKED", "Revoked", " revoked ", "ＲＥＶＯＫＥＤ"})
    void aStatusInAnyCaseOrWidthIsUnderstood(String status) {
        MvcTestResult typed = list("/orders?size=100&status={s}", status);
        MvcTestResult canonical = list("/orders?size=100&status=revoked");

        assertThat(typed).hasStatusOk();
        List<String> rows = Pages.orderRows(Pages.body(typed));
        assertThat(rows).isNotEmpty().isEqualTo(Pages.orderRows(Pages.body(canonical)));
        assertThat(Pages.body(typed)).contains("<option value=\"revoked\" selected=\"selected\">");
    }

    @Test
    void aFullWidthSearchIsTheSameSearchAsItsPlainForm() {
        MvcTestResult fullWidth = list("/orders?q={q}", "ＩＳＳＵＥＤ－２９Ｄ");
        MvcTestResult plain = list("/orders?q=issued-29d");

        assertThat(Pages.orderRows(Pages.body(fullWidth))).hasSize(1).isEqualTo(Pages.orderRows(Pages.body(plain)));
        assertThat(Pages.body(fullWidth)).contains("value=\"ISSUED-29D\"");
    }

    @Test
    void fullWidthDigitsFindAnOrderByNumber() {
        String number =
                Pages.orderRows(Pages.body(list("/orders?q=issued-29d"))).get(0);
        String fullWidth = number.chars()
                .mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
                .reduce("", String::concat);

        assertThat(Pages.orderRows(Pages.body(list("/orders?q={q}", fullWidth))))
                .containsExactly(number);
    }

    @Test
    void aPageSizeAboveTheLargestIsTheLargest() {
        MvcTestResult result = list("/orders?size=1000");

        assertThat(result).hasStatusOk();
        OrderListParams params = (OrderListParams)
                result.getMvcResult().getModelAndView().getModel().get("params");
        assertThat(params.pageSize()).isEqualTo(100);
        assertThat(params.firstUrl()).contains("size=100");
        assertThat(Pages.body(result)).contains("<option value=\"100\" selected=\"selected\">");
    }

    private MvcTestResult list(String uri, Object... variables) {
        return mvc.get()
                .uri(uri, variables)
                .with(user(fixtures.principal(ADMIN)))
                .exchange();
    }
}
