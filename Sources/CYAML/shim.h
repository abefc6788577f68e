#ifndef KUBELINT_CYAML_SHIM_H
#define KUBELINT_CYAML_SHIM_H
#include <yaml.h>
#endif
