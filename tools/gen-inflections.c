/* gen-inflections.c — PLACEHOLDER: writes an empty inflection table until the
   Hunspell-based generator lands (see docs/dictionaries.md). */
#include <stdio.h>
int main(int argc, char **argv) { (void)argc; (void)argv; printf("# lemma\tform\tmorphology\n"); return 0; }
