#ifndef NEARDUP_CLIBXML2_SHIM_H
#define NEARDUP_CLIBXML2_SHIM_H
// libxml2's HTML parser, driven through its SAX callbacks: no document tree is built, the
// caller sees elements and text as the parser meets them.
#include <string.h>
#include <libxml/xmlversion.h>
// libxml2's headers would include ICU's when the library was built with it, and ICU's
// declarations clash with the copy that Foundation carries. Nothing here uses ICU, and the
// structures Swift reaches into (the parser context, the SAX handlers) do not depend on it.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

/// Swallows the messages libxml2 prints without a parser context (encoding errors).
static void neardup_html_silent(void *context, const char *message, ...) {
    (void)context; (void)message;
}

/// Once per process, before any thread parses.
static inline void neardup_html_initialize(void) {
    xmlInitParser();
    xmlThrDefSetGenericErrorFunc(NULL, neardup_html_silent);
    xmlSetGenericErrorFunc(NULL, neardup_html_silent);
}

/// Parses `length` bytes of UTF-8 HTML, calling the handlers with `context`. The page's own
/// encoding declaration is ignored (the bytes are already UTF-8), nothing is fetched from the
/// network, and errors are recovered from silently, as browsers do. Returns 0, or -1 when no
/// parser could be made (out of memory).
static inline int neardup_html_parse(
    const char *bytes, int length, void *context,
    startElementSAXFunc start, endElementSAXFunc end, charactersSAXFunc characters,
    cdataBlockSAXFunc rawText)
{
    xmlSetGenericErrorFunc(NULL, neardup_html_silent);
    htmlParserCtxtPtr parser = htmlCreateMemoryParserCtxt(bytes, length);
    if (parser == NULL) return -1;
    // The context's own handler block is reused (the parser frees it with the context).
    memset(parser->sax, 0, sizeof(*parser->sax));
    parser->sax->startElement = start;
    parser->sax->endElement = end;
    parser->sax->characters = characters;
    // Spaces between inline elements are words' separators, not "ignorable".
    parser->sax->ignorableWhitespace = characters;
    // The text of script and style elements.
    parser->sax->cdataBlock = rawText;
    parser->sax->initialized = 1;
    parser->userData = context;
    htmlCtxtUseOptions(parser, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
        | HTML_PARSE_NONET | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(parser, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(parser);
    htmlFreeParserCtxt(parser);
    return 0;
}
#endif
