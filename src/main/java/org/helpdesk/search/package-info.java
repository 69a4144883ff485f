/** Search over tickets and their conversations (API §7): the query language, full text in the database, hits with
 * snippets and highlights, keyset paging. Reads ticket data, never writes it. */
@ApplicationModule(allowedDependencies = {"common", "auth", "ticket", "category", "entity"})
package org.helpdesk.search;

import org.springframework.modulith.ApplicationModule;
