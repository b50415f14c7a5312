from pmgenome.cli import main

raise SystemExit(main())
