from constructs_lib.cli import main

raise SystemExit(main())
