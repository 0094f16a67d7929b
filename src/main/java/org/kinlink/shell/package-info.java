/**
 * The application shell: main layout with the navigation a user may open, the login, the user
 * menu (password, language, sign-out), the start page, and the rules applied to every navigation
 * (language, the second factor, password that must be changed first).
 */
@NullMarked
package org.kinlink.shell;

import org.jspecify.annotations.NullMarked;
