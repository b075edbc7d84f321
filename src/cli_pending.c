/* cli_pending.c: placeholders for the commands whose modules are being written;
 * each is deleted when its command's own file lands. */
#include <config.h>
#include "cli.h"

