-- Reserved: migration 002 belongs to the `speed` branch (issue 12), which replaces this file when
-- the branches are merged. It changes nothing, so that 003 can be numbered without a gap here.
SELECT 1;
