package org.unionhub.core.internal.security;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * The JAAS login module of the {@code unionhub} realm: checks a name and password against the hub's
 * account table. The realm hands it the {@link AccountStore} through its options.
 */
public class HubLoginModule implements LoginModule {

    static final String ACCOUNTS_OPTION = AccountStore.class.getName();

    private Subject subject;
    private CallbackHandler handler;
    private AccountStore accounts;
    private AccountStore.Verified verified;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.accounts = (AccountStore) options.get(ACCOUNTS_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        if (accounts == null) {
            throw new LoginException("the account store is not available");
        }
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read credentials: " + e.getMessage());
        }
        char[] pw = password.getPassword() == null ? new char[0] : password.getPassword();
        Optional<AccountStore.Verified> result = accounts.verify(name.getName(), pw);
        password.clearPassword();
        verified = result.orElseThrow(() -> new FailedLoginException("wrong user name or password"));
        return true;
    }

    @Override
    public boolean commit() {
        if (verified == null) {
            return false;
        }
        principals.add(new UserPrincipal(verified.username()));
        verified.roles().forEach(r -> principals.add(new RolePrincipal(r)));
        principals.add(new HubPrincipal(verified.username(), verified.orgId(), verified.memberId()));
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        verified = null;
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        verified = null;
        return true;
    }
}
