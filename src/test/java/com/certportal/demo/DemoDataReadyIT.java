package com.certportal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.support.BrowserJourneyTest;
import com.certportal.support.RawHttp;
import com.certportal.support.ServerStartWitness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9, finding 9: the sign-in page lists the demo sign-ins only once they work. The demo data is
 * loaded before the web server accepts its first request, not by a runner after the port opened.
 */
class DemoDataReadyIT extends BrowserJourneyTest {

    @Autowired
    private ServerStartWitness witness;

    @Test
    void theDemoMembersExistBeforeTheServerAcceptsRequests() {
        assertThat(witness.demoMembersWhenServing()).isEqualTo(4L);
        assertThat(RawHttp.get(port(), "/login").body()).contains("admin@example.com");
    }
}
