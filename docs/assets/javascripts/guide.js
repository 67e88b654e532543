/* guide: being written (issue 16). */
