-- The month rows that have complaints, by month: the worksheet sums a customer's complaints of the last 12 months
-- from these few rows instead of every month row (repeat complainers, and the complaints column of every list).
create index value_month_complaints on value_month (month, customer_id) include (complaints) where complaints > 0;
