/** User accounts: signup, login, logout, the signed-in user, and the operator's bootstrap owner. */
package org.helpdesk.account;
