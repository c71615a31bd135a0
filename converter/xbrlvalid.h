/*
 * xbrlvalid.h — offline validation of an XBRL 2.1 instance with libxml2 (design §5.1).
 *
 * The instance is schema-validated against the XBRL 2.1 instance schema and the taxonomy
 * schemas under data_dir/taxonomy/, resolved through data_dir/taxonomy/catalog.xml with no
 * network access. libxml2 cannot compile the whole us-gaap-2023.xsd in reasonable time, so
 * for each of the big taxonomy namespaces (us-gaap, dei, srt 2023) the validator serves,
 * under the schema's official URL, a subset schema that holds the official declarations of
 * just the concepts the instance uses (copied verbatim, with the schema's own imports and
 * namespace declarations). The parsed official schema documents are cached across calls
 * (t2x_validate_cleanup frees them).
 *
 * On top of XML Schema validity it checks the XBRL 2.1 rules a schema cannot express:
 *   - every contextRef / unitRef names a context / unit of the instance;
 *   - a fact's context period matches its concept's xbrli:periodType (4.7.2 / 5.1.1.1);
 *   - units of monetary (a single ISO 4217 currency), shares (xbrli:shares), pure
 *     (xbrli:pure) and per-share (currency / xbrli:shares) items (4.8.2);
 *   - every xbrldi:explicitMember names a declared dimension (xbrldt:dimensionItem) and a
 *     declared member.
 * Each problem is one T2X_ERROR diagnostic (code "xbrl-invalid", line = line in the instance).
 */
#ifndef T2X_XBRLVALID_H
#define T2X_XBRLVALID_H

#include <stddef.h>
#include "txt2xbrl.h"

/* Validate the instance `instance_xml` (`len` bytes). `ext_xsd` (`ext_len` bytes, or NULL)
 * is the filing's extension schema, the one the instance's schemaRef names; its imports of
 * the official schemas are satisfied by the same subsets. `name` names the instance in
 * messages (may be NULL).
 * Returns T2X_OK when valid, T2X_ERR_VERIFY when not (reasons in diag), T2X_ERR_DATA when
 * the catalog or a taxonomy schema is missing, T2X_ERR_USAGE for bad arguments. */
t2x_status t2x_validate_instance(const char *instance_xml, size_t len, const char *ext_xsd,
                                 size_t ext_len, const char *name, const char *data_dir,
                                 t2x_diag *diag);

/* Validate the instance file `path`. When its link:schemaRef is a relative href naming a
 * file beside it (STEM.xsd), that file is used as the extension schema. */
t2x_status t2x_validate_instance_file(const char *path, const char *data_dir, t2x_diag *diag);

/* Load data_dir/taxonomy/catalog.xml into libxml2 (once; the official schema URLs then resolve
 * to local files). 0 on success. */
int t2x_catalog_load(const char *data_dir, t2x_diag *diag);

/* Free the cached taxonomy schema documents and the loaded catalogs. */
void t2x_validate_cleanup(void);

#endif
