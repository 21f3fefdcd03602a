/* augenrules: placeholder until its work lands. */
int main(void) { return 1; }
